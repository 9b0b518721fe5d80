## Cell helpers.
import std/strutils

proc isNumber*(cell: string): bool =
  try:
    discard parseFloat(cell.strip)
    result = true
  except ValueError:
    result = false

proc formatTotal*(total: float): string =
  formatFloat(total, ffDecimal, 2)

proc columnWidth*(cells: seq[string]): int =
  for cell in cells:
    result = max(result, cell.len)
