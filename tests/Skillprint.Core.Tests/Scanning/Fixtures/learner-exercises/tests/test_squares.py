from squares import squares


def test_squares_of_three():
    assert squares(3) == [0, 1, 4]


def test_no_squares():
    assert squares(0) == []
