try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError as e:
    print(e)
except* (TypeError, KeyError):
    pass
else:
    pass
finally:
    cleanup()

try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as err:
    raise RuntimeError from err
except:
    raise
