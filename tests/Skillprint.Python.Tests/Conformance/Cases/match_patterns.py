match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case ["drop", *objects]:
        pass
    case Point(x=0, y=0):
        print("Origin")
    case Point(x, y=0) if x > 0:
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, -2: _, 1.5: _, 2 + 3j: _, -1 - 1j: _, b"b": _, "s" "t": _}:
        pass
    case None | True | False:
        pass
    case Color.RED | mod.sub.Value:
        pass
    case (1 | 2) as num:
        pass
    case [1, [2, *_], (3, 4), ()]:
        pass
    case str() | bytes(x):
        pass
    case _:
        pass

match x,:
    case a, b:
        pass
    case -1:
        pass
    case *_, last:
        pass

match = 1
case = match
match(x)
