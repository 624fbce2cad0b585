# PEP 758 (Python 3.14): several exception types without parentheses, when there is no 'as'.
try:
    connect()
except ConnectionError, TimeoutError:
    retry()
except KeyError, IndexError, AttributeError:
    pass
except (OSError, ValueError) as error:
    log(error)

try:
    run()
except* ValueError, TypeError:
    pass
