## Sums the numeric columns of a CSV file given on the command line.
import std/[strutils, os, tables]
import columns

proc main() =
  if paramCount() < 1:
    quit("usage: csvsum FILE", 2)
  var sums = initOrderedTable[string, float]()
  var header: seq[string]
  let lines = readFile(paramStr(1)).strip.splitLines
  for i, line in lines:
    let cells = line.split(',')
    if i == 0:
      header = cells
      continue
    for j, cell in cells:
      if isNumber(cell):
        sums.mgetOrPut(header[j], 0.0) += parseFloat(cell)
  for name, total in sums:
    echo name, ": ", formatTotal(total)

main()
