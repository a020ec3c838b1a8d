import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { qrPngBase64, qrSvg } from '../receipts/qr-code';
import { PickupCredentialsType, ReceiptType } from './types/receipt.type';

// QR images are rendered only when a client asks for them: the till's hot path pays nothing.

@Resolver(() => ReceiptType)
export class ReceiptQrResolver {
  @ResolveField(() => String, { description: 'The receipt QR as an SVG document.' })
  qrSvg(@Parent() receipt: ReceiptType): Promise<string> {
    return qrSvg(receipt.qrToken);
  }
}

@Resolver(() => PickupCredentialsType)
export class PickupCredentialsQrResolver {
  @ResolveField(() => String, { description: 'The pickup QR as a base64 PNG (for emails and apps).' })
  qrPngBase64(@Parent() credentials: PickupCredentialsType): Promise<string> {
    return qrPngBase64(credentials.qrToken);
  }

  @ResolveField(() => String, { description: 'The pickup QR as an SVG document.' })
  qrSvg(@Parent() credentials: PickupCredentialsType): Promise<string> {
    return qrSvg(credentials.qrToken);
  }
}
