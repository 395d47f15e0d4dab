import sys
print("stopping")
sys.exit("fatal: configuration missing")
