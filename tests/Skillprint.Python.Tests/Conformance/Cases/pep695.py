type Point = tuple[float, float]
type ListOrSet[T] = list[T] | set[T]
type Nested[T: (int, str), *Ts, **P] = Callable[P, tuple[T, *Ts]]

def func[T](a: T) -> T: return a
def bounded[T: int, U: (str, bytes) = str](x: T, y: U): pass
class Box[T, *Shape, **P]:
    def method[S](self, s: S) -> T: ...
class WithDefault[T = int, *Ts = *tuple[int], **P = [int, str]]: pass
async def afunc[T](x: T): pass

type = 1
type(x)
