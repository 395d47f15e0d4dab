def setup():
    print("setting up")
callback = setup()
callback()
