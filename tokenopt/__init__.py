"""tokenopt: CI logs in, a digest that fits an exact token budget out."""
__version__ = "0.1.0"

from .budget import TokenBudgetManager  # noqa: E402
from .errors import TokenoptError  # noqa: E402
from .model import Event, Line, Pattern, Priority  # noqa: E402
from .optimizer import EnhancedTokenOptimizer, Result  # noqa: E402
from .processor import StreamLogProcessor  # noqa: E402
from .settings import Settings  # noqa: E402

__all__ = ["EnhancedTokenOptimizer", "Event", "Line", "Pattern", "Priority", "Result", "Settings",
           "StreamLogProcessor", "TokenBudgetManager", "TokenoptError", "__version__"]
