import math
import numpy as np
