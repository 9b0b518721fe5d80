*** Settings ***
Documentation     Stock audits after failed deliveries: the names mention failures, the tests pass.
Library           ../lib/Stock.py

*** Test Cases ***
Failed Delivery Leaves Stock Unchanged
    Receive    PIPE    8
    Run Keyword And Expect Error    *only 8 in stock    Ship    PIPE    9
    Quantity Should Be    PIPE    8

Error During Shipping Is Reported Once
    Run Keyword And Expect Error    ValueError: cannot ship 1 of VALVE: only 0 in stock    Ship    VALVE    1
