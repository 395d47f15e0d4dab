class Config:
    def __init__(self, **options):
        self.lr = options["lr"]
        self.epochs = options["epochs"]
c = Config(lr=0.1, epochs=3)
print(c.lr, c.epochs)
Config(lr=0.5)
