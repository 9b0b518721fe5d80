version       = "0.1.0"
author        = "CI Bot"
description   = "Sum CSV columns"
license       = "MIT"
srcDir        = "src"
bin           = @["csvsum"]
