"""/api/v1/ml/models, /ml/predict/{model}, /ml/keywords and /sentiment (docs/inference.md)."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import FromPath, JSONBody

from adapters.http.inference import InferenceDep, problems
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.schemas.ml import (
    InferenceOut,
    KeywordsIn,
    KeywordsOut,
    ModelOut,
    ModelsOut,
    PredictIn,
    PredictOut,
    SentimentIn,
    SentimentOut,
    SentimentResultOut,
    SymbolSentimentOut,
)
from adapters.http.security import READERS_AND_AGENTS, require_roles

_BUSY = (
    "503 INFERENCE_BUSY (the batching queue is full) or MODEL_UNAVAILABLE (models not built: "
    "`bulwark models build`), with Retry-After."
)


class MlController(Controller):
    """Calculations on posted inputs and the model catalogue: nothing is stored."""

    path = "/ml"

    @get(
        "/models",
        summary="The models served: version, sha256, inputs/outputs, labels, test metrics",
        description="Each model the models directory's manifest lists and that was not "
        "refused. A model loads on its first use, when its file's sha256 and its inputs and "
        "outputs are checked against the manifest: `loaded` says whether that has happened, "
        "and `provider` (where it runs) is empty until it has. A model whose checks failed is "
        "not listed; `inference.problems` says why. Listing loads nothing.",
        guards=[require_roles(*READERS_AND_AGENTS)],
        responses=problems(503),
    )
    async def list_ml_models(self, inference: InferenceDep) -> ModelsOut:
        catalogue = inference.ml_models
        assert inference.inference is not None
        return ModelsOut(
            models=[ModelOut.from_domain(m) for m in catalogue.models()],
            inference=InferenceOut.from_domain(inference.inference.info()),
        )

    @post(
        "/predict/{model:str}",
        summary="Run a model on posted arrays (first axis = batch)",
        description="`inputs` maps each of the model's inputs to a nested list of numbers "
        "(GET /ml/models gives names, dtypes and shapes); rows of concurrent callers run "
        "batched. 404 UNKNOWN_MODEL; 422 INVALID_MODEL_INPUT naming `inputs.<name>` for a "
        "missing, extra, ragged or ill-shaped input, NaN, or more than 1,024 rows. " + _BUSY,
        guards=[require_roles(*READERS_AND_AGENTS)],
        status_code=200,
        responses=problems(400, 413, 422, 503),
        opt=VIEWER_MAY_CALL,
    )
    async def predict_with_model(
        self, model: FromPath[str], data: JSONBody[PredictIn], inference: InferenceDep
    ) -> PredictOut:
        outputs = await inference.ml_models.predict(model, data.inputs)
        return PredictOut(model=model, outputs=outputs)

    @post(
        "/keywords",
        summary="Keywords of a text: embedding similarity with maximal marginal relevance",
        description="`top_n` 1..20 phrases of 1..`max_ngram` (1..4) words; `diversity` 0..1 "
        "(0: by similarity alone). 422 INVALID_MODEL_INPUT naming the field. " + _BUSY,
        guards=[require_roles(*READERS_AND_AGENTS)],
        status_code=200,
        responses=problems(400, 422, 503),
        opt=VIEWER_MAY_CALL,
    )
    async def extract_keywords(
        self, data: JSONBody[KeywordsIn], inference: InferenceDep
    ) -> KeywordsOut:
        found = await inference.keywords.extract_keywords(
            data.text, data.top_n, data.diversity, data.max_ngram
        )
        return KeywordsOut.from_domain(found)


class SentimentController(Controller):
    """Financial sentiment of posted texts, and of a symbol's recent news."""

    path = "/sentiment"

    @post(
        "/",
        summary="Classify texts as positive, negative or neutral financial sentiment",
        description="1..256 texts of up to 5,000 characters; each answer has the label and "
        "the three probabilities. 422 INVALID_MODEL_INPUT naming `texts[i]`. " + _BUSY,
        guards=[require_roles(*READERS_AND_AGENTS)],
        status_code=200,
        responses=problems(400, 422, 503),
        opt=VIEWER_MAY_CALL,
    )
    async def classify_sentiment(
        self, data: JSONBody[SentimentIn], inference: InferenceDep
    ) -> SentimentOut:
        engine = inference.sentiment
        answers = await engine.classify(data.texts)
        return SentimentOut(
            model=engine.model, results=[SentimentResultOut.from_domain(a) for a in answers]
        )

    @get(
        "/{symbol:str}",
        summary="A symbol's news sentiment: source weights, recency decay, authenticity",
        description="The weighted score of the symbol's news within the max age (see "
        "`convention`), the label, each label's weighted share and the heaviest items. "
        "A symbol with no news answers score null, label neutral. 422 for a malformed "
        "symbol. " + _BUSY,
        guards=[require_roles(*READERS_AND_AGENTS)],
        responses=problems(422, 503),
    )
    async def get_symbol_sentiment(
        self, symbol: FromPath[str], inference: InferenceDep
    ) -> SymbolSentimentOut:
        engine = inference.sentiment
        found = await engine.symbol_sentiment(symbol)
        return SymbolSentimentOut.from_domain(
            found, engine.settings.half_life_hours, engine.settings.max_age_hours
        )


CONTROLLERS = [MlController, SentimentController]
