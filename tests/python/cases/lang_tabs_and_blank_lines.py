def f(x):

    if x:

        return "yes"
    # comment at body indentation

    return "no"


print(f(1), f(0))
