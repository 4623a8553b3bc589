// The e-ticket's QR code as an SVG drawn from the encoded modules (no inline markup strings).
import { encode } from "uqr";

export function QrCode(props: { text: string; label: string; size: number }) {
  const qr = encode(props.text, { ecc: "M", border: 4 });
  let d = "";
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="qr"
      role="img"
      aria-label={props.label}
      data-url={props.text}
      width={props.size}
      height={props.size}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shape-rendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
