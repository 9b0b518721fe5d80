(* Half-open integer intervals [lo, hi): normalise, merge, measure, parse "lo-hi" text. *)

type t = { lo : int; hi : int }

let make lo hi = if lo <= hi then { lo; hi } else { lo = hi; hi = lo }

let length s = s.hi - s.lo

let overlaps a b = a.lo < b.hi && b.lo < a.hi

let merge spans =
  let sorted = List.sort (fun a b -> compare a.lo b.lo) spans in
  let rec go acc = function
    | [] -> List.rev acc
    | s :: rest -> (
        match acc with
        | prev :: acc' when s.lo <= prev.hi -> go ({ prev with hi = max prev.hi s.hi } :: acc') rest
        | _ -> go (s :: acc) rest)
  in
  go [] sorted

let total spans = List.fold_left (fun acc s -> acc + length s) 0 (merge spans)

let parse text =
  match String.split_on_char '-' (String.trim text) with
  | [ lo; hi ] -> make (int_of_string lo) (int_of_string hi)
  | _ -> failwith ("Spans.parse: expected lo-hi, got " ^ text)

let to_string s = Printf.sprintf "%d-%d" s.lo s.hi
