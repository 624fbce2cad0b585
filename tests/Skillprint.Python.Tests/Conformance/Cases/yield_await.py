def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from other()
    z = (yield)
    await_ = yield x
    f((yield))
    return (yield from g())

async def co():
    await x
    y = await z
    w = [await a for a in b]
    return await f()
    await (yield)

async def agen():
    yield await x
