"""Retirement accounts (docs/wealth.md): contribution limits per tax year, employer match and
vesting, Roth conversion what-if, required minimum distributions. Pure; money is Decimal US
dollars."""
