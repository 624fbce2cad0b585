return 1
yield 2
await x
break
