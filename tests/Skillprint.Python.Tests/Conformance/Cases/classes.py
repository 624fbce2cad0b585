class Empty: pass
class WithBases(A, B.C, *mixins, metaclass=M, **extra): pass
class Nested:
    class Inner:
        x: int = 0
        def m(self): return self.x
    y = Inner()
class Docstring:
    """The doc."""
    attr = 1
