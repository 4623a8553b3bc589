// The widget's own look, inside its shadow root: readable on any page, at least 4.5:1 contrast, fits a phone.
export const WIDGET_STYLE = `
:host { all: initial; display: block; }
.nw { font: 16px/1.4 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #111827; background: #fff;
  border: 1px solid #6b7280; border-radius: 10px; padding: 12px; max-width: 40rem; }
h2 { font-size: 1.125rem; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-top: 1px solid #d1d5db; vertical-align: top; }
thead th { border-top: 0; color: #4b5563; font-weight: 600; }
td { font-weight: 600; }
p { margin: 8px 0 0; }
.nw-updated, .nw-failed { color: #4b5563; font-size: 0.875rem; }
`;
