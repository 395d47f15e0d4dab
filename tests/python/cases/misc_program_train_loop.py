import random
random.seed(0)
xs = [i / 10 for i in range(20)]
ys = [3.0 * x + 1.0 + random.gauss(0, 0.1) for x in xs]
w, b = 0.0, 0.0
lr = 0.1
for epoch in range(200):
    gw = gb = 0.0
    for x, y in zip(xs, ys):
        err = (w * x + b) - y
        gw += 2 * err * x / len(xs)
        gb += 2 * err / len(xs)
    w -= lr * gw
    b -= lr * gb
    if epoch % 50 == 0:
        loss = sum(((w * x + b) - y) ** 2 for x, y in zip(xs, ys)) / len(xs)
        print(f"epoch {epoch:3d} loss {loss:.6f}")
print(f"w={w:.4f} b={b:.4f}")
