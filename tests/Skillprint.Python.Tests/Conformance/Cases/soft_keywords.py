match = [1]
match[0] = 2
case = 3
_ = 4
type = 5
print(match, case, _, type)
def match(): pass
class type: pass
x.match
match.type
match -x:
    case _: pass
