"""The Docker action's entry point: the runner's environment in, the step's exit code out."""
import os
import sys

import tokenopt.action

if __name__ == "__main__":
    sys.exit(tokenopt.action.run(os.environ))
