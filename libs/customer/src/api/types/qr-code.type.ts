import { Field, ObjectType } from '@nestjs/graphql';
import { RenderedQrCode } from '../../qr/qr-code.renderer';

@ObjectType('QrCode', { description: 'A QR code holding a signed token, to show on a screen or print.' })
export class QrCodeType {
  @Field(() => String, { description: 'The signed token the QR code holds; a scanner reads exactly this string.' })
  token!: string;

  @Field(() => String, { description: 'An SVG document.' })
  svg!: string;

  @Field(() => String, { description: 'A PNG image, base64-encoded (no data: prefix).' })
  pngBase64!: string;

  static from(rendered: RenderedQrCode): QrCodeType {
    return Object.assign(new QrCodeType(), { token: rendered.token, svg: rendered.svg, pngBase64: rendered.pngBase64 });
  }
}
