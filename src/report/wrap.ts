/**
 * Word wrapping for table cells. cli-table3 cuts a word longer than its column with "…",
 * which would hide exactly what the user must act on (a /proc path, an IPv6 VIP), so cells
 * are wrapped here first and a word that cannot fit is split, never cut.
 */
export function wrapText(text: string, width: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`
    if (candidate.length <= width) {
      line = candidate
      continue
    }

    if (line !== '') lines.push(line)
    line = word
    while (line.length > width) {
      lines.push(line.slice(0, width))
      line = line.slice(width)
    }
  }

  if (line !== '') lines.push(line)
  return lines.join('\n')
}
