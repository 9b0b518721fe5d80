import pytest

SAMPLE = """date,payee,category,amount
2024-01-03,Grocer,Food,-54.20
2024-01-05,Employer,Salary,"2,500.00"
2024-01-17,Power Co,Utilities,(81.45)
2024-02-02,Grocer,Food,-61.05
2024-02-14,Florist,Gifts,-35.00
2024-02-28,Employer,Salary,"2,500.00"
"""


@pytest.fixture
def sample_csv() -> str:
    return SAMPLE
