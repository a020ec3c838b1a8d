import { toBuffer, toString } from 'qrcode';

/** Renders a token as a QR code: PNG (base64, for emails and apps) or SVG (for printing and web). */
export async function qrPngBase64(text: string): Promise<string> {
  const png = await toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
  return png.toString('base64');
}

export function qrSvg(text: string): Promise<string> {
  return toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
