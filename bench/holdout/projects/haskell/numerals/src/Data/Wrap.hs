-- | Greedy word wrapping.
module Data.Wrap (wrap) where

wrap :: Int -> String -> [String]
wrap width = go [] . words
  where
    go [] [] = []
    go line [] = [unwords (reverse line)]
    go [] (w : ws) = go [w] ws
    go line (w : ws)
      | length (unwords (reverse (w : line))) <= width = go (w : line) ws
      | otherwise = unwords (reverse line) : go [w] ws
