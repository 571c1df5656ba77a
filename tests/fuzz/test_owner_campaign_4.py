"""The owner's Schemathesis campaign, share 4 of tests/fuzz/campaign.py's SHARES."""

from tests.fuzz.campaign import owner_campaign

test_every_operation_as_the_owner = owner_campaign(share=4)
