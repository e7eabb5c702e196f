package kb

import "iter"

// AllCountries yields every country and territory, in ISO code order.
func (k *KB) AllCountries() iter.Seq[*Country] {
	return func(yield func(*Country) bool) {
		for _, c := range k.countries {
			if !yield(c) {
				return
			}
		}
	}
}

// AllOrgs yields every organisation in the order of the table.
func (k *KB) AllOrgs() iter.Seq[*Org] {
	return func(yield func(*Org) bool) {
		for _, o := range k.orgs {
			if !yield(o) {
				return
			}
		}
	}
}

// AllRegions yields every first-level region in the order of the table.
func (k *KB) AllRegions() iter.Seq[*Region] {
	return func(yield func(*Region) bool) {
		for _, r := range k.regions {
			if !yield(r) {
				return
			}
		}
	}
}
