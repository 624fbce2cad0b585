def f(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    for i in range(x):
        if i % 2:
            continue
        while True:
            break
        else:
            pass
    try:
        pass
    except Exception:
        pass
    else:
        pass
    try:
        pass
    finally:
        pass
    return
