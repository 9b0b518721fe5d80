open OUnit2

let show l = String.concat "; " (List.map Spans.to_string l)
let spans = List.map (fun (a, b) -> Spans.make a b)

let tests =
  "spans"
  >::: [
         ("make orders its ends" >:: fun _ -> assert_equal ~printer:Spans.to_string (Spans.make 2 5) (Spans.make 5 2));
         ("merge joins overlapping spans"
         >:: fun _ -> assert_equal ~printer:show (spans [ (1, 5) ]) (Spans.merge (spans [ (1, 3); (2, 5) ])));
         ("merge joins touching spans"
         >:: fun _ -> assert_equal ~printer:show (spans [ (1, 6) ]) (Spans.merge (spans [ (4, 6); (1, 4) ])));
         ("merge keeps gaps"
         >:: fun _ -> assert_equal ~printer:show (spans [ (1, 2); (3, 4) ]) (Spans.merge (spans [ (3, 4); (1, 2) ])));
         ("total counts each point once" >:: fun _ -> assert_equal ~printer:string_of_int 7 (Spans.total (spans [ (0, 5); (3, 7) ])));
         ("parse reads lo-hi" >:: fun _ -> assert_equal ~printer:Spans.to_string (Spans.make 3 9) (Spans.parse " 3-9 "));
         ("parse rejects a bare number" >:: fun _ ->
           assert_raises (Failure "Spans.parse: expected lo-hi, got 7") (fun () -> Spans.parse "7"));
       ]

let () = run_test_tt_main tests
