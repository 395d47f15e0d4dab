students = [
    {"name": "Ana", "grades": [90, 85, 100]},
    {"name": "Ben", "grades": [70, 65, 80]},
    {"name": "Cy", "grades": [88, 92, 79]},
]
for s in students:
    s["avg"] = sum(s["grades"]) / len(s["grades"])
ranked = sorted(students, key=lambda s: s["avg"], reverse=True)
print([(s["name"], round(s["avg"], 2)) for s in ranked])
by_letter = {}
for s in students:
    by_letter.setdefault(s["name"][0], []).append(s["name"])
print(by_letter)
print({s["name"]: max(s["grades"]) for s in students})
tree = {"value": 1, "children": [{"value": 2, "children": []}, {"value": 3, "children": [{"value": 4, "children": []}]}]}
def total(node):
    return node["value"] + sum(total(c) for c in node["children"])
def depth(node):
    return 1 + max((depth(c) for c in node["children"]), default=0)
print(total(tree), depth(tree))
