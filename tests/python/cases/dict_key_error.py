config = {"lr": 0.01, "epochs": 10}
print(config["lr"])
print(config["batch_size"])
