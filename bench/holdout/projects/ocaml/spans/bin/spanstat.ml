(* Reads "lo-hi" lines on stdin, prints the merged spans and their total length. *)
let () =
  let rec read acc = match (try Some (input_line stdin) with End_of_file -> None) with
    | Some line when String.trim line <> "" -> read (Spans.parse line :: acc)
    | Some _ -> read acc
    | None -> List.rev acc
  in
  let spans = Spans.merge (read []) in
  List.iter (fun s -> print_endline (Spans.to_string s)) spans;
  Printf.printf "total %d\n" (Spans.total spans)
