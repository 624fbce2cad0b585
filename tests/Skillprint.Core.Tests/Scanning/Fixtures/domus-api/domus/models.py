from datetime import date
from decimal import Decimal
from typing import Annotated, Literal, Union

from pydantic import BaseModel, Field, computed_field, field_serializer, field_validator, model_validator


class Room(BaseModel):
    name: str = Field(min_length=1, max_length=60)
    floor: int = Field(default=0, ge=-2, le=10)

    @field_validator("name")
    @classmethod
    def name_is_trimmed(cls, value: str) -> str:
        return value.strip()


class Appliance(BaseModel):
    kind: Literal["appliance"] = "appliance"
    brand: str
    wattage: int = Field(gt=0)


class Furniture(BaseModel):
    kind: Literal["furniture"] = "furniture"
    material: str


Details = Annotated[Union[Appliance, Furniture], Field(discriminator="kind")]


class Item(BaseModel):
    name: str
    room: Room
    bought_on: date
    price: Decimal = Field(max_digits=10, decimal_places=2)
    quantity: int = 1
    details: Details

    @field_validator("name")
    @classmethod
    def name_is_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("name must not be blank")
        return value.strip()

    @model_validator(mode="after")
    def bought_in_the_past(self) -> "Item":
        if self.bought_on > date.today():
            raise ValueError("bought_on is in the future")
        return self

    @computed_field
    @property
    def total(self) -> Decimal:
        return self.price * self.quantity

    @field_serializer("price")
    def price_as_text(self, price: Decimal) -> str:
        return f"{price:.2f}"
