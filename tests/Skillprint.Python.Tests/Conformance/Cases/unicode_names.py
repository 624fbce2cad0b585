café = 1
π = 3.14
名前 = "name"
def ƒ(ñ): return ñ
s = "ünïcødé" + 名前
ﬁle = 1
