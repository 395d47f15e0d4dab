from sys import squareroot
