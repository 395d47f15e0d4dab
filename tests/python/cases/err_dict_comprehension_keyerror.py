prices = {"apple": 1.0, "pear": 2.0}
order = ["apple", "kiwi"]
costs = {item: prices[item] for item in order}
