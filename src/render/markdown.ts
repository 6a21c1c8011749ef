/** A table cell: pipes escaped, one line, HTML inert. */
function cell(text: string): string {
  return escapeHtml(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** Text shown as written, not read as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A Markdown table's header and the line under it. */
export function tableHeader(headings: readonly string[]): string {
  return `${tableRow(headings)}\n|${"---|".repeat(headings.length)}`;
}

/** A Markdown table row, each cell made safe with {@link cell}. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(" | ")} |`;
}
