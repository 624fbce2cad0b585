@property
def a(self): pass

@functools.lru_cache(maxsize=None)
@other
class C(Base, metaclass=Meta):
    @staticmethod
    def s(): ...

@buttons[0].clicked.connect
def b(): pass

@(lambda f: f)
def c(): pass

@x := y
def d(): pass
