*** Settings ***
Documentation     Receiving, shipping and reordering stock.
Library           Collections
Library           ../lib/Stock.py

*** Test Cases ***
Receiving Adds To Stock
    Receive    BOLT-M6    40
    Receive    BOLT-M6    10
    Quantity Should Be    BOLT-M6    50

Shipping Removes From Stock
    Receive    NUT-M6    30
    Ship    NUT-M6    12
    Quantity Should Be    NUT-M6    18

Shipping More Than In Stock Fails Clearly
    Receive    WASHER    5
    Run Keyword And Expect Error    ValueError: cannot ship 6 of WASHER: only 5 in stock    Ship    WASHER    6

Items At Their Reorder Level Are Listed
    Receive    BOLT-M6    4
    Receive    NUT-M6    20
    Set Reorder Level    BOLT-M6    5
    Set Reorder Level    NUT-M6    20
    ${skus}=    Items To Reorder
    Lists Should Be Equal    ${skus}    ${{["BOLT-M6", "NUT-M6"]}}

Shipping Everything Empties The Shelf
    Receive    GEAR    3
    Ship    GEAR    3
    Quantity Should Be    GEAR    0
