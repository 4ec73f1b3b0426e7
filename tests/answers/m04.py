"""m04 · Een selectiemodel: right and wrong answers."""

_TRAINED = "model = make_screening_model()\nmodel.fit(train, train['invited'])\npredicted = model.predict(test)\n"

TABLE = {
    "m04-baseline": {
        "right": {
            "one-minus-mean": 'baseline_accuracy = 1 - test["invited"].mean()',
            "share-of-zeros": 'baseline_accuracy = (test["invited"] == 0).mean()',
            "accuracy-of-zeros": 'baseline_accuracy = accuracy_score(test["invited"], np.zeros(len(test)))',
        },
        "wrong": {
            "invited-share": 'baseline_accuracy = test["invited"].mean()',
            "train": 'baseline_accuracy = 1 - train["invited"].mean()',
            "all-history": 'baseline_accuracy = 1 - history["invited"].mean()',
            "hired": 'baseline_accuracy = 1 - test["hired"].mean()',
        },
    },
    "m04-train": {
        "right": {
            "solution": _TRAINED + 'test_accuracy = accuracy_score(test["invited"], predicted)',
            "chained": "model = make_screening_model().fit(train, train.invited)\n"
            "predicted = list(model.predict(test))\n"
            "test_accuracy = float(np.mean(np.array(predicted) == test.invited.to_numpy()))",
            "score": _TRAINED + "test_accuracy = model.score(test, test['invited'])",
        },
        "wrong": {
            "hired-label": "model = make_screening_model()\nmodel.fit(train, train['hired'])\n"
            "predicted = model.predict(test)\ntest_accuracy = accuracy_score(test['invited'], predicted)",
            "fit-on-test": "model = make_screening_model()\nmodel.fit(test, test['invited'])\n"
            "predicted = model.predict(test)\ntest_accuracy = accuracy_score(test['invited'], predicted)",
            "accuracy-against-hired": _TRAINED
            + "test_accuracy = accuracy_score(test['hired'], predicted)",
            "accuracy-on-train": _TRAINED
            + "test_accuracy = accuracy_score(train['invited'], model.predict(train))",
        },
    },
    "m04-confusion": {
        "right": {
            "ravel": 'tn, fp, fn, tp = confusion_matrix(test["invited"], predicted).ravel()\n'
            "n_false_negatives = int(fn)",
            "cell": 'n_false_negatives = int(confusion_matrix(test["invited"], predicted)[1, 0])',
            "numpy-count": 'n_false_negatives = ((test["invited"].to_numpy() == 1) & (predicted == 0)).sum()',
        },
        "wrong": {
            "false-positives": 'tn, fp, fn, tp = confusion_matrix(test["invited"], predicted).ravel()\n'
            "n_false_negatives = int(fp)",
            "swapped-arguments": 'tn, fp, fn, tp = confusion_matrix(predicted, test["invited"]).ravel()\n'
            "n_false_negatives = int(fn)",
            "true-positives": 'tn, fp, fn, tp = confusion_matrix(test["invited"], predicted).ravel()\n'
            "n_false_negatives = int(tp)",
            "true-negatives": 'tn, fp, fn, tp = confusion_matrix(test["invited"], predicted).ravel()\n'
            "n_false_negatives = int(tn)",
        },
    },
    "m04-precision-recall": {
        "right": {
            "sklearn": 'precision = precision_score(test["invited"], predicted)\n'
            'recall = recall_score(test["invited"], predicted)',
            "by-hand": '_y = test["invited"].to_numpy()\n_tp = ((_y == 1) & (predicted == 1)).sum()\n'
            "precision = _tp / (predicted == 1).sum()\nrecall = _tp / (_y == 1).sum()",
            "keywords": "precision = precision_score(y_true=test.invited, y_pred=predicted)\n"
            "recall = float(recall_score(y_true=test.invited, y_pred=predicted))",
        },
        "wrong": {
            "swapped": 'precision = recall_score(test["invited"], predicted)\n'
            'recall = precision_score(test["invited"], predicted)',
            "arguments-swapped": 'precision = precision_score(predicted, test["invited"])\n'
            'recall = recall_score(predicted, test["invited"])',
            "train": 'precision = precision_score(train["invited"], model.predict(train))\n'
            'recall = recall_score(train["invited"], model.predict(train))',
            "accuracy-as-precision": 'precision = accuracy_score(test["invited"], predicted)\n'
            'recall = recall_score(test["invited"], predicted)',
        },
    },
    "m04-truth": {
        "right": {
            "solution": "truth = truly_suitable(test)\n"
            "missed_suitable = ((truth == 1) & (predicted == 0)).sum() / truth.sum()",
            "one-minus-recall": "missed_suitable = 1 - recall_score(truly_suitable(test), predicted)",
            "mean-of-rejected": "_t = truly_suitable(test)\nmissed_suitable = float(np.mean(predicted[_t == 1] == 0))",
        },
        "wrong": {
            "all-applicants": "truth = truly_suitable(test)\n"
            "missed_suitable = ((truth == 1) & (predicted == 0)).sum() / len(test)",
            "invited-not-suitable": '_y = test["invited"].to_numpy()\n'
            "missed_suitable = ((_y == 1) & (predicted == 0)).sum() / _y.sum()",
            "share-of-rejected": "truth = truly_suitable(test)\n"
            "missed_suitable = ((truth == 1) & (predicted == 0)).sum() / (predicted == 0).sum()",
            "found": "truth = truly_suitable(test)\n"
            "missed_suitable = ((truth == 1) & (predicted == 1)).sum() / truth.sum()",
        },
    },
    "m04-explain": {
        "right": {
            "idxmin": "explanation = contributions(model, candidate, train)\nstrongest_down = explanation.idxmin()",
            "first-of-sorted": "explanation = contributions(model, candidate, train)\n"
            "strongest_down = explanation.sort_values().index[0]",
            "equal-to-min": "explanation = contributions(model, candidate, train)\n"
            "strongest_down = str(explanation[explanation == explanation.min()].index[0])",
        },
        "wrong": {
            "strongest-up": "explanation = contributions(model, candidate, train)\nstrongest_down = explanation.idxmax()",
            "career-gap-guess": "explanation = contributions(model, candidate, train)\n"
            'strongest_down = "career_gap_months"',
            "test-as-reference": "explanation = contributions(model, candidate, test)\n"
            "strongest_down = explanation.idxmin()",
            "other-candidate": "explanation = contributions(model, test.iloc[0], train)\n"
            "strongest_down = explanation.idxmin()",
        },
    },
    "m04-false-negative": {
        "right": {"letter": 'error_answer = "D"', "lower-case": "error_answer = 'd '"},
        "wrong": {
            "A": 'error_answer = "A"',
            "B": 'error_answer = "B"',
            "C": 'error_answer = "C"',
        },
    },
    "m04-oversight": {
        "right": {"letter": 'oversight_answer = "C"', "lower-case": "oversight_answer = 'c'"},
        "wrong": {
            "A": 'oversight_answer = "A"',
            "B": 'oversight_answer = "B"',
            "D": 'oversight_answer = "D"',
        },
    },
}
