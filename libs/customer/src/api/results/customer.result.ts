import { createResultUnion } from '@omnitill/common';
import {
  CustomerInvalidCredentialsError, CustomerNotFoundError, CustomerSignInThrottledError, EmailTakenError, InvalidEmailVerificationTokenError, PhoneTakenError,
} from '../../errors/customer.errors';
import { CustomerSessionType, CustomerType } from '../types/customer.type';

export const CustomerSignUpResult = createResultUnion('CustomerSignUpResult', CustomerSessionType, [EmailTakenError, PhoneTakenError]);

export const CustomerSignInResult = createResultUnion('CustomerSignInResult', CustomerSessionType, [CustomerInvalidCredentialsError, CustomerSignInThrottledError]);

export const VerifyCustomerEmailResult = createResultUnion('VerifyCustomerEmailResult', CustomerType, [InvalidEmailVerificationTokenError]);

export const IdentifyCustomerResult = createResultUnion('IdentifyCustomerResult', CustomerType, [CustomerNotFoundError]);

export const CreateCustomerResult = createResultUnion('CreateCustomerResult', CustomerType, [EmailTakenError, PhoneTakenError]);
