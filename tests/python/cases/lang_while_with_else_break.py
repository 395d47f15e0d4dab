def find_prime_factor(n):
    f = 2
    while f * f <= n:
        if n % f == 0:
            break
        f += 1
    else:
        return None
    return f
for n in [15, 17, 49, 97, 100]:
    print(n, find_prime_factor(n))
primes = [n for n in range(2, 40) if find_prime_factor(n) is None]
print(primes)
attempts = 0
while attempts < 10:
    attempts += 1
    if attempts ** 2 > 20:
        break
print("attempts", attempts)
