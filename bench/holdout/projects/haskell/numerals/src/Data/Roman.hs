-- | Roman numerals: to and from Int, for 1..3999.
module Data.Roman (toRoman, fromRoman) where

import Data.Maybe (fromMaybe)

table :: [(Int, String)]
table =
  [ (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")
  , (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") ]

toRoman :: Int -> String
toRoman n
  | n < 1 || n > 3999 = error ("toRoman: out of range: " ++ show n)
  | otherwise = go n table
  where
    go 0 _ = ""
    go k ((v, s) : rest)
      | k >= v = s ++ go (k - v) ((v, s) : rest)
      | otherwise = go k rest
    go _ [] = ""

fromRoman :: String -> Int
fromRoman = go . map value
  where
    value c = fromMaybe (error ("fromRoman: not a numeral: " ++ [c])) (lookup c singles)
    singles = [('I', 1), ('V', 5), ('X', 10), ('L', 50), ('C', 100), ('D', 500), ('M', 1000)]
    go (a : b : rest)
      | a < b = b - a + go rest
      | otherwise = a + go (b : rest)
    go [a] = a
    go [] = 0
