module Main (main) where

import Control.Exception (evaluate)
import Data.Roman (fromRoman, toRoman)
import Data.Wrap (wrap)
import Test.Hspec

main :: IO ()
main = hspec $ do
  describe "Data.Roman" $ do
    describe "toRoman" $ do
      it "writes 4 as IV" $ toRoman 4 `shouldBe` "IV"
      it "writes 1994 as MCMXCIV" $ toRoman 1994 `shouldBe` "MCMXCIV"
      it "writes 3888 as MMMDCCCLXXXVIII" $ toRoman 3888 `shouldBe` "MMMDCCCLXXXVIII"
      it "refuses zero" $ evaluate (toRoman 0) `shouldThrow` anyErrorCall
    describe "fromRoman" $ do
      it "reads XLII as 42" $ fromRoman "XLII" `shouldBe` 42
      it "reads MCMXCIV as 1994" $ fromRoman "MCMXCIV" `shouldBe` 1994
      it "round-trips 1..3999" $ map (fromRoman . toRoman) [1 .. 3999] `shouldBe` [1 .. 3999]
  describe "Data.Wrap" $ do
    it "keeps every line within the width" $
      wrap 10 "the quick brown fox jumps over the lazy dog" `shouldBe` ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
    it "puts an over-long word on its own line" $
      wrap 4 "a extraordinary b" `shouldBe` ["a", "extraordinary", "b"]
