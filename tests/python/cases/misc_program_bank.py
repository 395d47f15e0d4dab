class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed:.2f} more")
        self.needed = needed
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount - self._balance)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self
    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance:.2f})"
acct = Account("ann", 100)
acct.deposit(50).withdraw(30)
print(acct, acct.balance, acct.history)
try:
    acct.withdraw(500)
except InsufficientFunds as e:
    print("failed:", e, round(e.needed, 2))
try:
    acct.deposit(-1)
except ValueError as e:
    print("failed:", e)
for kind, amount in acct.history:
    print(f"{kind:>10}: {amount:8.2f}")
total = sum(a for k, a in acct.history if k == "deposit")
print("total deposits", total)
