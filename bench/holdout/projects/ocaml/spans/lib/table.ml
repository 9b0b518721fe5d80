(* Plain-text tables: pad every column to its widest cell. *)

let widths rows =
  List.fold_left
    (fun acc row -> List.mapi (fun i cell -> max (String.length cell) (try List.nth acc i with _ -> 0)) row)
    [] rows

let pad width cell = cell ^ String.make (width - String.length cell) ' '

let render rows =
  let ws = widths rows in
  rows |> List.map (fun row -> String.concat "  " (List.mapi (fun i c -> pad (List.nth ws i) c) row)) |> String.concat "\n"
