import { registerEnumType } from '@nestjs/graphql';
import { OrderChannel, OrderFulfilment, OrderState, PaymentMethod } from '../../entities/order.enums';

registerEnumType(OrderChannel, { name: 'OrderChannel', description: 'Where the order was taken.' });
registerEnumType(OrderFulfilment, { name: 'OrderFulfilment', description: 'How the goods reach the customer.' });
registerEnumType(OrderState, { name: 'OrderState' });
registerEnumType(PaymentMethod, { name: 'PaymentMethod' });

export { OrderChannel, OrderFulfilment, OrderState, PaymentMethod };
